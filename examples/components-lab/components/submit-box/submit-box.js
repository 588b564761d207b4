Component({ behaviors: ['wx://form-field-button'] });
