// The template builder's live preview: what the customer will see in WhatsApp, redrawn as the form changes.
// Variables show their sample values when given, highlighted; text only (textContent), never HTML.
(function () {
    'use strict';
    var form = document.getElementById('template-form');
    if (!form) {
        return;
    }
    function value(id) {
        var element = document.getElementById(id);
        return element ? element.value : '';
    }
    function lines(text) {
        return text.split(/\r?\n/).map(function (line) { return line.trim(); })
            .filter(function (line) { return line.length > 0; });
    }
    function samples() {
        var named = value('parameterFormat') === 'NAMED';
        var byKey = {};
        lines(value('bodySamples')).forEach(function (line, index) {
            if (named) {
                var at = line.indexOf('=');
                if (at > 0) {
                    byKey[line.substring(0, at).trim()] = line.substring(at + 1).trim();
                }
            } else {
                byKey[String(index + 1)] = line;
            }
        });
        return byKey;
    }
    // Appends the text to the element, each {{variable}} as a highlighted span with its sample (or its name).
    function render(element, text, values) {
        element.textContent = '';
        var pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
        var last = 0;
        var match;
        while ((match = pattern.exec(text)) !== null) {
            element.appendChild(document.createTextNode(text.substring(last, match.index)));
            var variable = document.createElement('span');
            variable.className = 'tpl-var';
            variable.textContent = values[match[1]] || match[0];
            element.appendChild(variable);
            last = pattern.lastIndex;
        }
        element.appendChild(document.createTextNode(text.substring(last)));
    }
    function button(label) {
        var element = document.createElement('div');
        element.className = 'tpl-p-button';
        element.textContent = label;
        return element;
    }
    function redraw() {
        var header = document.getElementById('preview-header');
        var type = value('headerType');
        header.className = 'tpl-p-header';
        if (type === 'TEXT') {
            var sample = {};
            var variable = /\{\{\s*([^{}]*?)\s*\}\}/.exec(value('headerText'));
            if (variable && value('headerSample')) {
                sample[variable[1]] = value('headerSample');
            }
            render(header, value('headerText'), sample);
        } else if (type === 'IMAGE' || type === 'VIDEO' || type === 'DOCUMENT') {
            header.className = 'tpl-p-header media';
            header.textContent = type.toLowerCase();
        } else {
            header.textContent = '';
        }
        var category = value('category');
        if (category === 'AUTHENTICATION') {
            document.getElementById('preview-body').textContent =
                '123456 is your verification code. For your security, do not share this code.';
        } else {
            render(document.getElementById('preview-body'), value('body'), samples());
        }
        document.getElementById('preview-footer').textContent = value('footer');
        var buttons = document.getElementById('preview-buttons');
        buttons.textContent = '';
        lines(value('quickReplies')).forEach(function (label) { buttons.appendChild(button(label)); });
        if (value('urlText')) { buttons.appendChild(button('↗ ' + value('urlText'))); }
        if (value('phoneText')) { buttons.appendChild(button('☎ ' + value('phoneText'))); }
        if (value('copyCodeSample')) { buttons.appendChild(button('Copy code')); }
    }
    form.addEventListener('input', redraw);
    form.addEventListener('change', redraw);
    redraw();
}());
