---
sh: echo "  - <%= name %>   done" >> services.yml && mkdir -p my\ docs && touch my\ docs/README.md
---
