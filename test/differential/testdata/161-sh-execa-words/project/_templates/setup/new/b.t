---
sh: "  printf '%s|\n' a\\  b\\\\  c   >> words.txt  "
---
