package billing

// templates=blueprints actionfolder=blueprints/service/new
type Service struct{}
