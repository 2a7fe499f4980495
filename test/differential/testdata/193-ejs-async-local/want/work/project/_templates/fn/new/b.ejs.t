---
to: src/<%= name %>.test.js
---
import { <%= name %> } from "./<%= name %>"
