---
to: out/dots.txt
...

closed with three dots
