{{%AUTOESCAPE context="HTML"}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{footer_privacy}}</p>
<p>{{footer_javascript}}</p>
</div>
</footer>
</body>
</html>
