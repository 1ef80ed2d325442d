import OpenCC from 'opencc-js';
const conv = OpenCC.Converter({ from: 't', to: 'cn' });
let t = performance.now();
let changed = 0, multi = 0;
const table = new Uint16Array(65536);
for (let c = 0x3400; c <= 0x9fff; c++) {
  const s = String.fromCharCode(c);
  const r = conv(s);
  if (r.length !== 1) multi++;
  else if (r !== s) { changed++; table[c] = r.charCodeAt(0); }
}
console.log('fold table ms', performance.now() - t, changed, multi);
for (const ch of '著乾后於發著髮麵干') console.log(ch, conv(ch), conv('看'+ch));
