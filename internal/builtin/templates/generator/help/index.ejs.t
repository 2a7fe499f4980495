---
message: |
  Make a generator:   hypergen generator new --name NAME [--action ACTION]
  One that asks:      hypergen generator with-prompt --name NAME [--action ACTION]
  Both write _templates/NAME/ACTION (ACTION defaults to new); run it with
  hypergen NAME ACTION.
---
