= yaml =
to: out/yaml-fence.txt
= yaml =
opened and closed with = yaml =
