---
sh: mkdir -p generated && cat > generated/<%= name %>-notes.txt
---
Notes for <%= name %> (<%= env %>)
  - body piped to stdin, byte for byte
