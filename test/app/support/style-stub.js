// Stylesheets have no meaning in jsdom; pages import them for the build only.
module.exports = {};
