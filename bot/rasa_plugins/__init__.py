"""Extensions through Rasa's supported hooks: NLU components and the guard policy (config.yml),
channels (credentials.yml), tracker and lock store (endpoints.yml), the action server's start."""
