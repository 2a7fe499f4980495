---
to: src/entities/<%= name %>.ts
message: "Entity <%= name %> created; run: npm run migration:generate"
---
import { Entity, PrimaryGeneratedColumn, Column } from 'typeorm'

@Entity('<%= h.inflection.tableize(name) %>')
export class <%= name %> {
  @PrimaryGeneratedColumn()
  id!: number
<% fields.split(',').map((f) => f.split(':')).forEach(([field, type]) => { -%>

  @Column()
  <%= field %>!: <%= type %>
<% }) -%>
}
