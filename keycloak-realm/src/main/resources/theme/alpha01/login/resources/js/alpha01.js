// The shop's name on the sign-in page: a customer who scanned a shop's QR code comes here with the cookie
// alpha01_shop that the scan set (the application's /connect, D58), shown as text under the realm's name.
(function () {
  function shopFromCookie() {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf('alpha01_shop=') === 0; })[0];
    if (!found) return null;
    try {
      var shop = decodeURIComponent(found.substring('alpha01_shop='.length));
      return shop && shop.length <= 200 ? shop : null;
    } catch (e) {
      return null;
    }
  }
  function show() {
    var shop = shopFromCookie();
    var header = document.getElementById('kc-header-wrapper');
    if (!shop || !header || header.querySelector('.alpha01-shop')) return;
    var line = document.createElement('span');
    line.className = 'alpha01-shop';
    line.textContent = shop;
    header.appendChild(line);
  }
  /**
   * zh-CN first (issue 17): a browser that asks for another language gets the Chinese page once, unless the
   * customer chose a language (Keycloak's own switch sets kc_locale and its KEYCLOAK_LOCALE cookie).
   */
  function chineseFirst() {
    try {
      var url = new URL(window.location.href);
      if ((document.documentElement.lang || '').toLowerCase().indexOf('zh') === 0) return false;
      if (url.searchParams.has('kc_locale') || url.searchParams.has('ui_locales')
          || document.cookie.indexOf('KEYCLOAK_LOCALE=') >= 0) return false;
      if (sessionStorage.getItem('alpha01.localeTried')) return false;
      sessionStorage.setItem('alpha01.localeTried', '1');
      // The sign-in request itself takes OpenID Connect's ui_locales (kept for the pages after it); the later
      // pages Keycloak's own kc_locale, as its language switch does.
      url.searchParams.set(url.pathname.indexOf('/protocol/openid-connect/auth') >= 0 ? 'ui_locales' : 'kc_locale', 'zh-CN');
      window.location.replace(url.toString());
      return true;
    } catch (e) {
      return false;
    }
  }
  if (chineseFirst()) return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
