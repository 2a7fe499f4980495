---
sh: echo "zed/inner" >> order.txt
---
