{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{TITLE}} · {{site_name}}</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<a class="skip-link" href="#main">{{nav_skip}}</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/?lang={{LANG}}">{{site_name}}</a>
<nav class="site-nav" aria-label="{{nav_label}}">
<ul>
<li><a href="/complaint?lang={{LANG}}">{{nav_complaint}}</a></li>
<li><a href="/status?lang={{LANG}}">{{nav_status}}</a></li>
</ul>
</nav>
<nav class="languages" aria-label="{{nav_languages}}">
<ul>
{{#LANGUAGE}}<li><a href="{{HREF}}" lang="{{CODE}}" dir="{{LINK_DIR}}" hreflang="{{CODE}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a></li>
{{/LANGUAGE}}
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap">
