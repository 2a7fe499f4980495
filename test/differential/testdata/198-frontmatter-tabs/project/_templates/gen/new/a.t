---
to: out/a.txt
	
message: hi
---
A
