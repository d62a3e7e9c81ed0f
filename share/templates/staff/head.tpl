{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{{TITLE}} · {{staff_site_name}}</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<a class="skip-link" href="#main">{{nav_skip}}</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/staff/">{{staff_site_name}}</a>
</div>
</header>
<main id="main" class="wrap">
