---
to: <%= file %>
---
export const <%= base %> = () => <div className="<%= kebab %>" />
