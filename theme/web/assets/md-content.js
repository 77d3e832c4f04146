// Material's content script (partials/javascripts/content.html), run from a file for the
// Content-Security-Policy: opens the tab a link's #anchor names.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
