---
to: "<%= locals.docs ? `src/ui/${name}/${name}.mdx` : null %>"
---
import { Meta } from '@storybook/blocks'

<Meta title="UI/<%= name %>" />

# <%= name %>
