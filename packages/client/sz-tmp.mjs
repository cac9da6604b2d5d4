import { build, analyzeMetafile } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent' });
console.log(r.outputFiles[0].contents.byteLength, gzipSync(r.outputFiles[0].contents, {level:9}).byteLength);
console.log(await analyzeMetafile(r.metafile));
