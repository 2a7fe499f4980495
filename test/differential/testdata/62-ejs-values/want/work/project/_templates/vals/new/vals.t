---
to: out/values.txt
---
null=[<%= null %>] undefined=[<%= undefined %>] raw null=[<%- null %>] raw undefined=[<%- undefined %>]
array=<%= [1, 'two', 3] %> nested=<%= [1, [2, [3, 4]], []] %> holes=<%= [1, null, undefined, 4] %> empty=[<%= [] %>]
escaped array=<%= ['<a>', 'b&c'] %> raw array=<%- ['<a>', 'b&c'] %>
object=<%= {a: 1} %> raw object=<%- {a: 1} %> json=<%- JSON.stringify({a: 1, b: [true, null]}) %>
numbers=<%= 0.1 + 0.2 %> <%= 1e21 %> <%= 1 / 3 %> <%= -0 %> <%= 2 ** 53 + 2 %> <%= 1 / 0 %> <%= 0 / 0 %> <%= 123.0 %> <%= 5e-7 %>
false=<%= false %> empty string=[<%= '' %>]
function=<%- (a, b) => a + b %>
