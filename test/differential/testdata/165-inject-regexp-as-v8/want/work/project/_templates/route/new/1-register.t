---
to: routes.ts
inject: true
prepend: true
skip_if: !!js/regexp /^import \{ b \}.*;$/m
---
import { b } from "./b";
