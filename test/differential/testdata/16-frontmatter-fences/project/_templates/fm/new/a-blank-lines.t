---
to: out/blank-lines.txt
---
   
	

    indented first body line
---
not: frontmatter
---
end
