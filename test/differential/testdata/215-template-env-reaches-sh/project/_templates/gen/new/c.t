---
sh: cat > /dev/null; echo "C FOO=$FOO LATER=$LATER KEEP=${KEEP-unset} NUM=$NUM FM=$FM" > c.txt
---
<% process.env.FOO = "baz" %>c
