package io.github.perceptron.persistence;

import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.testing.InMemoryModelStore;

class InMemoryModelStoreContractTest extends ModelStoreContract {

    @Override
    ModelStore store() {
        return new InMemoryModelStore();
    }
}
