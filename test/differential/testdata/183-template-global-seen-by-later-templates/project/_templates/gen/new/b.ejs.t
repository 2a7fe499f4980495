---
to: out/b.txt
---
b <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
