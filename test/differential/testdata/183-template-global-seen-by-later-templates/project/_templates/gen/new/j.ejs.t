---
to: out/j.txt
---
j <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
