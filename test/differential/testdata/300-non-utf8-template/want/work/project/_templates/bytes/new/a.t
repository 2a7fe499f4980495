---
to: out/<%= name %>-ÿ.txt
---
stray [ÿ] truncated [â‚] overlong [À¯] surrogate [í €] too-big [ô€€] mixed [aâ‚¬bşşc]
<%= name %> Ã© ğŸ˜€
cut at the end [ğŸ˜