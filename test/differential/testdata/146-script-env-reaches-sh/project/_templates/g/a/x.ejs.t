---
sh: cat > /dev/null; echo "[$FROM_CONFIG] [$FROM_HOOK]" > out.txt
---
body
