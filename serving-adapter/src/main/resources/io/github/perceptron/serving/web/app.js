'use strict';
// The draw-a-digit page: strokes on #pad are sent as PNG to /v1/predict?input=true while you draw
// (one request at a time; the newest drawing is sent when the last answer arrives), and the
// answer's probabilities and the 28×28 input the model saw are drawn beside it.
(() => {
  // A service that listens beyond this machine needs its token: the page takes it from its
  // address's fragment (/#token=…), which the browser never sends to any server.
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  const auth = token ? { Authorization: 'Bearer ' + token } : {};
  const pad = document.getElementById('pad');
  const seen = document.getElementById('seen');
  const bars = document.getElementById('bars');
  const prediction = document.getElementById('prediction');
  const status = document.getElementById('status');
  const ctx = pad.getContext('2d');

  // What tests and curious users can read: the last answer and the exact input it was for.
  const state = { lastInput: null, lastAnswer: null, inFlight: false, dirty: false, answered: 0 };
  window.perceptron = state;

  let classes = [];
  let drawing = false;
  let last = null;

  function clearPad() {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, pad.width, pad.height);
    seen.getContext('2d').clearRect(0, 0, seen.width, seen.height);
    state.lastInput = null;
    state.lastAnswer = null;
    prediction.textContent = '–';
    prediction.dataset.class = '';
    prediction.dataset.label = '';
    showBars(null);
    say('Draw a digit to begin.');
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  function point(event) {
    const box = pad.getBoundingClientRect();
    return { x: (event.clientX - box.left) * pad.width / box.width, y: (event.clientY - box.top) * pad.height / box.height };
  }

  function stroke(from, to) {
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 20;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }

  pad.addEventListener('pointerdown', event => {
    event.preventDefault();
    pad.setPointerCapture(event.pointerId);
    drawing = true;
    last = point(event);
    stroke(last, last);
    requestPrediction();
  });
  pad.addEventListener('pointermove', event => {
    if (!drawing) return;
    const next = point(event);
    stroke(last, next);
    last = next;
    requestPrediction();
  });
  const endStroke = () => { if (drawing) { drawing = false; requestPrediction(); } };
  pad.addEventListener('pointerup', endStroke);
  pad.addEventListener('pointercancel', endStroke);

  // At most one request in flight; a drawing that changed meanwhile is sent when the answer arrives.
  function requestPrediction() {
    if (state.inFlight) { state.dirty = true; return; }
    state.inFlight = true;
    state.dirty = false;
    pad.toBlob(blob => send(blob, 'image/png'), 'image/png');
  }

  async function send(body, type) {
    try {
      const response = await fetch('/v1/predict?input=true', { method: 'POST', headers: { ...auth, 'Content-Type': type }, body });
      const answer = await response.json();
      if (!response.ok) {
        const blank = typeof answer.error === 'string' && answer.error.includes('blank');
        say(blank ? 'Draw a digit to begin.' : (answer.error || 'error ' + response.status), !blank);
      } else {
        show(answer);
      }
    } catch (error) {
      say('The server did not answer: ' + error.message, true);
    } finally {
      state.inFlight = false;
      if (state.dirty) requestPrediction();
    }
  }

  function show(answer) {
    const p = answer.predictions[0];
    state.lastInput = answer.input;
    state.lastAnswer = p;
    state.answered++;
    prediction.dataset.class = p.class;
    prediction.dataset.label = String(p.label);
    prediction.innerHTML = '';
    prediction.append(document.createTextNode(p.class + ' '));
    const confidence = document.createElement('small');
    confidence.textContent = (100 * p.probabilities[p.label]).toFixed(1) + '%';
    prediction.append(confidence);
    showSeen(answer.input);
    showBars(p);
    say('');
  }

  function showSeen(input) {
    const side = Math.round(Math.sqrt(input.length));
    seen.width = side;
    seen.height = side;
    const g = seen.getContext('2d');
    const image = g.createImageData(side, side);
    input.forEach((v, i) => {
      const grey = Math.round(255 * v);
      image.data.set([grey, grey, grey, 255], 4 * i);
    });
    g.putImageData(image, 0, 0);
  }

  function showBars(p) {
    bars.innerHTML = '';
    classes.forEach((name, c) => {
      const value = p ? p.probabilities[c] : 0;
      const item = document.createElement('li');
      item.className = p && c === p.label ? 'top' : '';
      const label = document.createElement('span');
      label.textContent = name;
      const track = document.createElement('span');
      track.className = 'track';
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.width = (100 * value).toFixed(1) + '%';
      fill.style.display = 'block';
      track.append(fill);
      const percent = document.createElement('span');
      percent.textContent = p ? (100 * value).toFixed(1) + '%' : '';
      item.append(label, track, percent);
      bars.append(item);
    });
  }

  function upload(file) {
    if (!file) return;
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, pad.width, pad.height);
      const scale = Math.min(pad.width / image.width, pad.height / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      ctx.drawImage(image, (pad.width - w) / 2, (pad.height - h) / 2, w, h);
      URL.revokeObjectURL(url);
    };
    image.src = url;
    // The file itself is classified, not the picture of it on the pad.
    state.inFlight = true;
    state.dirty = false;
    send(file, file.type || 'application/octet-stream');
  }

  document.getElementById('clear').addEventListener('click', clearPad);
  document.getElementById('file').addEventListener('change', event => upload(event.target.files[0]));
  ['dragenter', 'dragover'].forEach(name => pad.parentElement.addEventListener(name, event => {
    event.preventDefault();
    pad.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach(name => pad.parentElement.addEventListener(name, event => {
    event.preventDefault();
    pad.classList.remove('dragging');
  }));
  pad.parentElement.addEventListener('drop', event => upload(event.dataTransfer.files[0]));

  async function loadModel() {
    const info = document.getElementById('model-info');
    try {
      const response = await fetch('/v1/model', { headers: auth });
      const model = await response.json();
      if (!response.ok) {
        throw new Error(model.error || 'error ' + response.status);  // e.g. a token needed: /#token=…
      }
      classes = model.classes;
      const percent = accuracy => accuracy == null ? 'not recorded' : (100 * accuracy).toFixed(2) + '%';
      // A committee names its members, each with its layers, normalisation, seed and own test accuracy.
      const architecture = model.kind === 'committee'
        ? [['committee', model.members.length + ' members, answering with the mean of their probabilities']]
            .concat(model.members.map((member, k) => ['member ' + (k + 1), member.layers.join(' → ')
              + (member.normalisation ? ', ' + member.normalisation : '') + ', seed '
              + member.seed + ', test accuracy ' + percent(member.test_accuracy)]))
            .concat([['loss', model.members[0].loss]])
        : [['layers', model.layers.join(' → ') + ' (' + model.hidden.join(', ') + ')'], ['loss', model.loss]]
            .concat(model.normalisation ? [['normalisation', model.normalisation]] : []);
      const rows = architecture.concat([
        ['parameters', model.parameters.toLocaleString('en')],
        ['dataset', model.dataset],
        ['trained', model.epochs + ' epochs, seed ' + model.seed + ', ' + model.created],
        ['test accuracy', percent(model.test_accuracy)],
        ['file', model.model],
      ]);
      info.innerHTML = '';
      rows.forEach(([name, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = name;
        const dd = document.createElement('dd');
        dd.textContent = value;
        info.append(dt, dd);
      });
      showBars(state.lastAnswer);
    } catch (error) {
      say('Cannot read the model\'s description: ' + error.message, true);
    }
  }

  clearPad();
  loadModel();
})();
