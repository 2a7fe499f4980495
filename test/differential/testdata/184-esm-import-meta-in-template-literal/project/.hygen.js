// an ES module (the package is "type": "module"):
// import.meta inside a template literal's ${...}
import path from "path";

const here = `${path.dirname(new URL(import.meta.url).pathname)}`;

export const helpers = {
  where: () => path.basename(here),
};
