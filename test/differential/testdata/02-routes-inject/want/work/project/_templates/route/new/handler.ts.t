---
to: src/handlers/<%= h.changeCase.camel(name) %>.ts
---
import { Request, Response } from 'express';

export function <%= h.changeCase.camel(name) %>(req: Request, res: Response) {
  res.json({ route: '<%= path %>', method: '<%= method.toUpperCase() %>' });
}
