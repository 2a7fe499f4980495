---
sh: cat > /dev/null; echo "A FOO=$FOO LATER=$LATER KEEP=${KEEP-unset} NUM=$NUM FM=$FM" > a.txt
---
<% process.env.FOO = "bar" %>x
