---
to: src/components/<%= Name %>/<%= Name %>.tsx
---
import React from 'react';
<% if (locals.styled) { -%>
import styles from './<%= Name %>.module.css';
<% } -%>

export interface <%= Name %>Props {
  label: string;
  onSelect?: () => void;
}

export const <%= Name %> = ({ label, onSelect }: <%= Name %>Props) => (
  <div className=<%- locals.styled ? `{styles.${h.changeCase.camel(name)}}` : `"${h.changeCase.param(name)}"` %> onClick={onSelect}>
    {label}
  </div>
);
