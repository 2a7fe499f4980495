---
to: src/app/<%= name %>/<%= name %>.component.ts
---
import { Component } from '@angular/core'

@Component({
  selector: 'app-<%= name %>',
  templateUrl: './<%= name %>.component.html',
  styleUrls: ['./<%= name %>.component.scss'],
})
export class <%= h.changeCase.pascalCase(name) %>Component {}
