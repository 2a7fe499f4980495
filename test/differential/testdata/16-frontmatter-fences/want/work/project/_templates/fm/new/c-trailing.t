---
to: out/trailing-blanks.txt
--- 	 
closing fence had trailing blanks
