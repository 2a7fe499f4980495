---
to: src/ui/<%= name %>/<%= name %>.tsx
---
<% if (locals.style === 'module') { -%>
import styles from './<%= name %>.module.css'
<% } -%>
export const <%= name %> = () => <span<%- locals.style === 'module' ? ' className={styles.root}' : '' %> />
