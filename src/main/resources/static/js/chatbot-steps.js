// The step editor: a step's form shows only the fields of its type. The server renders them so; when the type is
// changed here, the fields of the new type appear and the others hide (hidden fields are still sent, and the server
// keeps only those of the type).
(function () {
    'use strict';
    function fit(form) {
        var type = form.querySelector('select[name="type"]').value;
        form.querySelectorAll('[data-step-types]').forEach(function (field) {
            field.hidden = field.getAttribute('data-step-types').split(' ').indexOf(type) < 0;
        });
    }
    document.querySelectorAll('form.step-form').forEach(function (form) {
        var select = form.querySelector('select[name="type"]');
        if (select) {
            select.addEventListener('change', function () { fit(form); });
            fit(form);
        }
    });
}());
