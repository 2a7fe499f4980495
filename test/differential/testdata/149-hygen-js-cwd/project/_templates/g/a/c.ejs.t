---
sh: cat > /dev/null; basename "$PWD" > ran-in.txt
---
body
