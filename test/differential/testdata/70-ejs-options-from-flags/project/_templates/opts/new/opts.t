---
to: out/<$= name $>.txt
---
dollar tag: <$= name $>
percent tag stays text: <%= name %>
    indented line	

<$ if (true) { $>
  inside the if
<$ } $>
last line
