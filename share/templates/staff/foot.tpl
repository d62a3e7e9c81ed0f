{{%AUTOESCAPE context="HTML"}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{staff_footer}}</p>
</div>
</footer>
</body>
</html>
