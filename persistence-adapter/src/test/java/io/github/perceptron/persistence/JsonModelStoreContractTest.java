package io.github.perceptron.persistence;

import io.github.perceptron.core.model.ModelStore;

class JsonModelStoreContractTest extends ModelStoreContract {

    @Override
    ModelStore store() {
        return new JsonModelStore();
    }
}
