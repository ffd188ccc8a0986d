// A module that breaks every rule the conformance kit checks (its own test fixture).
let canvas;
export async function mount(element, host) {
  canvas = document.createElement('canvas');
  canvas.getContext('webgl2');               // never released: a leaked context
  const img = document.createElement('img');  // no alt text: a critical axe violation
  img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
  element.append(canvas, img);
  await host.emit({ verb: 'CLICKED', objectId: 'Not An Id', objectType: 'LEVEL' }).catch(() => {});
  await host.graphql('DropTables').catch(() => {});
}
export async function unmount() {
  // forgets to remove what it added
}
