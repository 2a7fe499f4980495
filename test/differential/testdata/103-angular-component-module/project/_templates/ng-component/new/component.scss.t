---
to: src/app/<%= name %>/<%= name %>.component.scss
---
:host { display: block; }
