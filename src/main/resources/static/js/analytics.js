// Loaded only when the visitor accepted analytics cookies: the server does not render this script otherwise.
(function () {
    var loader = document.currentScript;
    var gaId = loader.dataset.gaId;
    var pixelId = loader.dataset.pixelId;

    function add(src, name) {
        var script = document.createElement('script');
        script.async = true;
        script.src = src;
        script.dataset.analytics = name;
        document.head.appendChild(script);
    }

    if (gaId) {
        window.dataLayer = window.dataLayer || [];
        window.gtag = function () { window.dataLayer.push(arguments); };
        window.gtag('js', new Date());
        window.gtag('config', gaId);
        add('https://www.googletagmanager.com/gtag/js?id=' + encodeURIComponent(gaId), 'google-analytics');
    }
    if (pixelId) {
        var fbq = window.fbq = function () {
            fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments);
        };
        fbq.queue = [];
        fbq.loaded = true;
        fbq.version = '2.0';
        fbq('init', pixelId);
        fbq('track', 'PageView');
        add('https://connect.facebook.net/en_US/fbevents.js', 'meta-pixel');
    }
})();
