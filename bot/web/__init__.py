"""The project's web server: the demo page of a municipal website with the chat widget
(bot.web.site) and the contact persons' inbox (bot.web.inbox), in one Sanic app (bot.web.app)."""
