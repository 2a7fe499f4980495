import { createRequire } from 'module';
import { fileURLToPath } from 'url';
import path from 'path';
const require = createRequire(import.meta.url);
const __filename = fileURLToPath(import.meta.url);
const __dirname = path.dirname(__filename);
export const params = ({ args }) => ({
  ...args,
  file: path.basename(__filename),
  dir: path.basename(__dirname),
  sep: require('path').sep,
  meta: [path.basename(import.meta.filename), path.basename(import.meta.dirname)].join(' '),
});
