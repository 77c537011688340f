-- expect: syntax error at or near "`"
CREATE TABLE `users` (id INT AUTO_INCREMENT PRIMARY KEY);
