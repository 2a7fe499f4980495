---
message: |
  Make a generator:   hypergen generator new --name NAME [--action ACTION]
  One that asks:      hypergen generator with-prompt --name NAME [--action ACTION]
  Both write _templates/NAME/ACTION; without --action, ACTION is the
  command's own action (new, or with-prompt), as in hygen. Run it with
  hypergen NAME ACTION.
---
