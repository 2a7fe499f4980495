---
to: <%= story %>
---
import { <%= name %> } from './<%= name %>'
export default { component: <%= name %> }
